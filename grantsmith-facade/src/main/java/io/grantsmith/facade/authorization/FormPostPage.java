package io.grantsmith.facade.authorization;

import java.util.Map;

/**
 * The page of a {@code form_post} response (OAuth 2.0 Form Post Response Mode §2): an HTML form that the browser
 * submits to the client's redirect URI at once, with a button for browsers without scripts. No external assets;
 * every value is escaped for an HTML attribute.
 */
public final class FormPostPage {
    private FormPostPage() {
    }

    static String render(String redirectUri, Map<String, String> parameters) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Submit This Form</title>\n</head>\n")
                .append("<body onload=\"javascript:document.forms[0].submit()\">\n")
                .append("<form method=\"post\" action=\"").append(escape(redirectUri)).append("\">\n");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                html.append("<input type=\"hidden\" name=\"").append(escape(parameter.getKey()))
                        .append("\" value=\"").append(escape(parameter.getValue())).append("\">\n");
            }
        }
        return html.append("<noscript><button type=\"submit\">Continue</button></noscript>\n")
                .append("</form>\n</body>\n</html>\n").toString();
    }

    /**
     * Escapes for a double-quoted attribute value and for text (OWASP's five characters). Public so that the
     * server's own pages escape exactly as this one does.
     */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
