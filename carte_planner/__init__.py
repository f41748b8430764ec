"""Carte Planner: plan a CAR-T therapy journey to a hospital in China."""

__version__ = "0.1.0"
