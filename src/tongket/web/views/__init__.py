"""Views of the web application, one module per page family."""
