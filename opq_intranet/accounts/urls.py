from django.urls import path

from opq_intranet.accounts import views

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.login_view, name="login"),
    path("connexion/suite/", views.after_login, name="after_login"),
    path("deconnexion/", views.logout_view, name="logout"),
    path("compte/", views.profile, name="profile"),
    path("compte/aucune-application/", views.no_app, name="no_app"),
    path("compte/deux-etapes/activer/", views.otp_setup, name="otp_setup"),
    path("compte/deux-etapes/verifier/", views.otp_verify, name="otp_verify"),
    path("compte/deux-etapes/lien/<str:token>/", views.otp_enrolment_link, name="otp_enrolment_link"),
    path("compte/mot-de-passe/", views.password_change, name="password_change"),
    path("compte/mot-de-passe/modifie/", views.password_change_done, name="password_change_done"),
    path("mot-de-passe-oublie/", views.password_reset, name="password_reset"),
    path("mot-de-passe-oublie/envoye/", views.password_reset_done, name="password_reset_done"),
    path(
        "mot-de-passe-oublie/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("mot-de-passe-oublie/termine/", views.password_reset_complete, name="password_reset_complete"),
]
