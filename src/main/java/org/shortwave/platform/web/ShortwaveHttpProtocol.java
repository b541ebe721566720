package org.shortwave.platform.web;

import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.buf.MessageBytes;

/**
 * Tomcat's HTTP/1.1 connector, with one shortcut: an answer that is already compressed is never compressed again,
 * decided without Tomcat's parsing of its Content-Encoding into tokens. Every page the page cache sends is such an
 * answer, and that parsing was a tenth of a cache hit's CPU time. Other answers get Tomcat's own decision
 * ({@code server.compression.*}).
 */
public class ShortwaveHttpProtocol extends Http11NioProtocol {

    @Override
    public boolean useCompression(Request request, Response response) {
        MessageBytes encoding = response.getMimeHeaders().getValue("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            return false;
        }
        return super.useCompression(request, response);
    }
}
