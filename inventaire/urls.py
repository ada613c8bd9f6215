from django.urls import path

from inventaire import views

app_name = "inventaire"

urlpatterns = [
    path("", views.index, name="index"),
]
