"""Printable documents built with reportlab, returned as bytes. Imports no Qt."""
