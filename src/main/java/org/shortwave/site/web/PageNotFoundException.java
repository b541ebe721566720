package org.shortwave.site.web;

/** No public page at this address; answered with the localized 404 page of the edition in the path, if any. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException() {
        super(null, null, false, false);
    }
}
