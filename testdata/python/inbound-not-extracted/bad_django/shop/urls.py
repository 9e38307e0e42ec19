from django.urls import include, path

from shop import views

urlpatterns = [
    path("orders/", views.orders),  # expect: inbound-not-extracted
    path("orders/<int:order_id>/", views.order),
    path("admin/", include("admin.urls")),
]
