"use strict";
// Swagger UI from the package's own copy; the OpenAPI document comes from this server.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
