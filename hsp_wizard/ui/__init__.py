"""Qt views over the domain: the wizard, its pages and widgets. Only this package imports Qt."""
