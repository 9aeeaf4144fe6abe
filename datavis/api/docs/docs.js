// Starts Swagger UI from a file: the page's Content-Security-Policy allows no inline script.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    deepLinking: true,
    validatorUrl: null, // the public validator would be a request to another site
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
