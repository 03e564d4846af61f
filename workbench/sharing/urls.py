from django.urls import path

from workbench.sharing import views

app_name = "sharing"

urlpatterns = [
    path("canvases/<int:pk>/share/", views.share_links, name="links"),
    path("canvases/<int:pk>/share/<int:link_pk>/revoke/", views.share_link_revoke, name="revoke"),
    path("s/<str:token>/", views.shared, name="shared"),
    path("s/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("s/<str:token>/pdf/status/", views.shared_pdf_status, name="shared_pdf_status"),
    path("s/<str:token>/pdf/retry/", views.shared_pdf_retry, name="shared_pdf_retry"),
]
