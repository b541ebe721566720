package org.shortwave.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the body an answer writes in memory, so the page cache can hash, compress and store it before anything is
 * sent. Headers and status go to the real response as usual. An error sent with {@code sendError} or a redirect
 * with {@code sendRedirect} goes straight through, and the answer is then left alone.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    /** What the writer writes when the answer is in UTF-8 (see {@link Utf8Writer}); else it writes to the buffer. */
    private Utf8Writer utf8;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean passedThrough;
    private java.util.Locale locale;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** True when the answer was sent by sendError or sendRedirect, past the buffer. */
    boolean passedThrough() {
        return passedThrough;
    }

    /** The locale the answer was given (sent by the server as Content-Language), or null. */
    java.util.Locale locale() {
        return locale;
    }

    @Override
    public void setLocale(java.util.Locale locale) {
        this.locale = locale;
        super.setLocale(locale);
    }

    byte[] body() {
        if (utf8 != null) {
            return utf8.toByteArray();
        }
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the page cache buffers answers");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            Charset charset = Charset.forName(getCharacterEncoding());
            if (StandardCharsets.UTF_8.equals(charset)) {
                utf8 = new Utf8Writer(32 * 1024);
                writer = new PrintWriter(utf8);
            } else {
                writer = new PrintWriter(new OutputStreamWriter(buffer, charset));
            }
        }
        return writer;
    }

    @Override
    public void sendError(int sc) throws IOException {
        passedThrough = true;
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        passedThrough = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passedThrough = true;
        super.sendRedirect(location);
    }

    @Override
    public void setContentLength(int len) {
        // set from the bytes actually sent
    }

    @Override
    public void setContentLengthLong(long len) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() {
        // nothing is sent before the page cache has the whole body (body() flushes the writer)
    }

    @Override
    public void resetBuffer() {
        forgetWritten();
    }

    @Override
    public void reset() {
        super.reset();
        forgetWritten();
    }

    private void forgetWritten() {
        buffer.reset();
        if (utf8 != null) {
            utf8.reset();
        }
    }
}
