package org.shortwave.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the newsroom does with a form posted after its session ended (its CSRF check fails first): the feature
 * that owns the form may keep it and answer (the editor does: ADR 0021). Declared here, where sign-in lives, and
 * implemented by the feature, so that accounts knows no feature.
 */
public interface SignedOutPosts {

    /** Keeps the refused post and answers the request, if it is a form this implementation keeps; else false. */
    boolean keep(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** Where a browser that holds a kept post goes after signing in, or null. */
    String afterSignIn(HttpServletRequest request);
}
