"""Span names shared by the service's modules."""
import enum

load_path = "load_order"


class Step(str, enum.Enum):
    PRICE = "price"
    SHIP = "ship"
