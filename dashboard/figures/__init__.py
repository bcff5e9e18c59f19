"""Events to plotly figure dicts; imports only the core."""
