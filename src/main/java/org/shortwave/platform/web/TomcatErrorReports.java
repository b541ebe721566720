package org.shortwave.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * The answers Tomcat makes by itself, before any filter runs: a 400 for a malformed request line, header or path
 * ({@code %ff}, {@code %2f}, two Host headers), a 501 for an unknown Transfer-Encoding, a 505. They carry the same
 * security headers as every other answer ({@link SecurityHeadersFilter}), no inline style (which the CSP would
 * block), no server name or version, and JSON under {@code /api/} in the shape of the APIs' errors. Errors the
 * application answers itself go through its error page and are not touched here.
 */
public class TomcatErrorReports extends ErrorReportValve {

    public TomcatErrorReports() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String phrase = known == null ? "Error" : known.getReasonPhrase();
        boolean api = path(request).startsWith("/api/");
        try {
            SecurityHeadersFilter.set(response, request.isSecure());
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(api ? "application/json" : "text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api
                        ? "{\"status\":" + status + ",\"error\":\"" + phrase
                                + "\",\"code\":null,\"message\":\"the request cannot be read\",\"field\":null}"
                        : "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " "
                                + phrase + "</title></head><body><main><h1>" + status + " " + phrase
                                + "</h1></main></body></html>\n");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more to say.
        }
    }

    private static String path(Request request) {
        try {
            String uri = request.getCoyoteRequest().requestURI().toString();
            return uri == null ? "" : uri;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
