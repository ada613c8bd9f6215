from django.urls import path

from bdsp import views

app_name = "bdsp"

urlpatterns = [
    path("", views.index, name="index"),
]
