from django.urls import path

from administrateurs import views

app_name = "administrateurs"

urlpatterns = [
    path("", views.index, name="index"),
]
