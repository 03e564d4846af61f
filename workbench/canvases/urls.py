from django.urls import path

from workbench.canvases import views

app_name = "canvases"

urlpatterns = [
    path("teams/<slug:slug>/", views.dashboard, name="dashboard"),
    path("teams/<slug:slug>/canvases/new/", views.canvas_create, name="create"),
    path("teams/<slug:slug>/canvases/import/", views.canvas_import, name="import"),
    path("teams/<slug:slug>/bin/", views.bin_list, name="bin"),
    path("canvases/<int:pk>/", views.canvas_detail, name="detail"),
    path("canvases/<int:pk>/edit/", views.canvas_edit, name="edit"),
    path("canvases/<int:pk>/merge/", views.canvas_merge, name="merge"),
    path("canvases/<int:pk>/edit/rows/<str:section>/", views.canvas_edit_row, name="edit_row"),
    path("canvases/<int:pk>/history/", views.history, name="history"),
    path("canvases/<int:pk>/compare/", views.compare, name="compare"),
    path("canvases/<int:pk>/revisions/<int:number>/restore/", views.revision_restore, name="revision_restore"),
    path("canvases/<int:pk>/check/", views.canvas_check, name="check"),
    path("canvases/<int:pk>/waivers/", views.waiver_add, name="waiver_add"),
    path("canvases/<int:pk>/waivers/<str:rule>/remove/", views.waiver_remove, name="waiver_remove"),
    path("checker/", views.checker_rules, name="checker_rules"),
    path("canvases/<int:pk>/export/", views.canvas_export, name="export"),
    path("canvases/<int:pk>/delete/", views.canvas_delete, name="delete"),
    path("canvases/<int:pk>/restore/", views.canvas_restore, name="restore"),
    path("canvases/<int:pk>/purge/", views.canvas_purge, name="purge"),
]
