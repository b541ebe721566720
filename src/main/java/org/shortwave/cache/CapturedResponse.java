package org.shortwave.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the body an answer writes in memory, so the page cache can hash, compress and store it before anything is
 * sent. Headers and status go to the real response as usual. An error sent with {@code sendError} or a redirect
 * with {@code sendRedirect} goes straight through, and the answer is then left alone.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    /** What the writer writes, in UTF-8 (see {@link Utf8Writer}); in another charset, as characters. */
    private Utf8Writer utf8;
    private StringBuilder chars;
    private ServletOutputStream stream;
    private PrintWriter writer;
    /** The writer's encoding, fixed when it is first asked for (as a servlet container does). */
    private Charset charset;
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
        if (chars != null) {
            return chars.toString().getBytes(charset);
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
            charset = Charset.forName(getCharacterEncoding());
            if (StandardCharsets.UTF_8.equals(charset)) {
                utf8 = new Utf8Writer(32 * 1024);
                writer = new PrintWriter(utf8);
            } else {
                chars = new StringBuilder();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] text, int off, int len) {
                        chars.append(text, off, len);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                });
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
        // nothing is sent before the page cache has the whole body
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
        if (chars != null) {
            chars.setLength(0);
        }
    }
}
