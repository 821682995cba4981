"""Mentions -> canonical actors; statement speakers and event parties -> actor ids."""
from .resolver import Resolver, resolve

__all__ = ["Resolver", "resolve"]
