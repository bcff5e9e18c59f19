"""The Dash and Flask layer: layout, components, callbacks, routes, guards."""
