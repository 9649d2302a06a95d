package io.grantsmith.server.http;

import io.grantsmith.facade.authorization.FormPostPage;
import io.grantsmith.facade.login.AuthorizeOutcome.LoginView;
import io.grantsmith.facade.login.AuthorizeOutcome.ScopeLine;
import io.grantsmith.facade.login.LogoutBackend;

/**
 * The built-in authorization server's HTML: the login and consent page and the error page. Server-rendered, in
 * English, with inline CSS and no script or external asset; every value from outside is escaped. The login form
 * has inputs named {@code username} and {@code password} and exactly one submit button, as the OpenID Foundation's
 * conformance suite and other browser automation expect; declining is a link outside the form.
 */
final class HtmlPages {
    /** The hidden fields the login form posts back (and the deny link carries). */
    static final String STATE_FIELD = "gs_page";
    static final String CSRF_FIELD = "gs_csrf";
    /** The query parameter that marks the deny link. */
    static final String DENY_PARAMETER = "gs_deny";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1b1f24;\
            margin:0;padding:2rem 1rem;line-height:1.5}
            main{max-width:26rem;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.5rem}
            h1{font-size:1.4rem;margin:0 0 1rem}
            label{display:block;font-weight:600;margin-top:.75rem}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;\
            border:1px solid #8c959f;border-radius:4px}
            input:focus,button:focus,a:focus{outline:3px solid #0969da;outline-offset:2px}
            button{margin-top:1.25rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;color:#fff;\
            background:#1f6feb;border:0;border-radius:4px;cursor:pointer}
            .alert{background:#ffebe9;border:1px solid #cf222e;border-radius:4px;padding:.5rem .75rem;margin-bottom:1rem}
            ul{padding-left:1.25rem}
            .cancel{display:block;margin-top:1rem;text-align:center;color:#0550ae}
            """;

    private HtmlPages() {
    }

    static String login(long serviceId, LoginView view, String message) {
        StringBuilder html = head("Sign in").append("<main>\n<h1>Sign in</h1>\n");
        if (message != null) {
            html.append("<p class=\"alert\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        html.append("<p><strong>").append(escape(view.clientName()))
                .append("</strong> asks to access your account.</p>\n");
        if (!view.scopes().isEmpty()) {
            html.append("<p id=\"scopes-label\">It asks for:</p>\n<ul aria-labelledby=\"scopes-label\">\n");
            for (ScopeLine scope : view.scopes()) {
                html.append("<li><code>").append(escape(scope.name())).append("</code>");
                if (scope.description() != null && !scope.description().isBlank()) {
                    html.append(": ").append(escape(scope.description()));
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        String action = "/as/" + serviceId + "/authorize";
        html.append("<form method=\"post\" action=\"").append(action).append("\">\n")
                .append(hidden(STATE_FIELD, view.sealedState())).append(hidden(CSRF_FIELD, view.csrfToken()))
                .append("<label for=\"username\">Username</label>\n")
                .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" ")
                .append("autocapitalize=\"none\" spellcheck=\"false\" required");
        if (view.loginHint() != null) {
            html.append(" value=\"").append(escape(view.loginHint())).append('"');
        } else {
            html.append(" autofocus");
        }
        html.append(">\n<label for=\"password\">Password</label>\n")
                .append("<input type=\"password\" id=\"password\" name=\"password\" ")
                .append("autocomplete=\"current-password\" required")
                .append(view.loginHint() != null ? " autofocus" : "").append(">\n")
                .append("<button type=\"submit\">Sign in and allow</button>\n</form>\n")
                .append("<a class=\"cancel\" href=\"").append(action).append('?').append(DENY_PARAMETER)
                .append("=1&amp;").append(STATE_FIELD).append('=').append(escape(view.sealedState()))
                .append("&amp;").append(CSRF_FIELD).append('=').append(escape(view.csrfToken()))
                .append("\">Cancel and return to the application</a>\n");
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    static String error(int status, String error, String description) {
        StringBuilder html = head("Sign-in request refused").append("<main>\n<h1>This sign-in request cannot be "
                + "completed</h1>\n<p class=\"alert\" role=\"alert\">");
        html.append(escape(description != null ? description : "The request is not valid."));
        html.append("</p>\n<p>Error: <code>").append(escape(error)).append("</code> (HTTP ").append(status)
                .append(")</p>\n<p>Go back to the application and try again. If this keeps happening, tell its "
                        + "developers: the request it sent is not one this server accepts.</p>\n");
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Asks whether to sign out (RP-initiated logout without a hint of the logged-in user). */
    static String logoutConfirmation(long serviceId, String sealedRequest, String csrfToken) {
        return head("Sign out").append("<main>\n<h1>Sign out?</h1>\n<p>An application asks to sign you out of this "
                + "server.</p>\n<form method=\"post\" action=\"/as/").append(serviceId).append("/logout\">\n")
                .append(hidden(LogoutBackend.REQUEST_FIELD, sealedRequest))
                .append(hidden(LogoutBackend.CSRF_FIELD, csrfToken))
                .append("<button type=\"submit\">Sign out</button>\n</form>\n</main>\n</body>\n</html>\n")
                .toString();
    }

    /** After RP-initiated logout without a {@code post_logout_redirect_uri}. */
    static String signedOut() {
        return head("Signed out").append("<main>\n<h1>You are signed out</h1>\n<p>You can close this window, or go "
                + "back to the application.</p>\n</main>\n</body>\n</html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">\n";
    }

    /** Escapes for text and double-quoted attribute values (OWASP's five characters), as the form_post page does. */
    static String escape(String value) {
        return FormPostPage.escape(value);
    }
}
