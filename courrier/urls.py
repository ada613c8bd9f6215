from django.urls import path

from courrier import views

app_name = "courrier"

urlpatterns = [
    path("", views.index, name="index"),
]
