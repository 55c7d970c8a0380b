"""The touchscreen sale screen and its pages."""
