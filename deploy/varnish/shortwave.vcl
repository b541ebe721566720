vcl 4.1;
# Varnish in front of several Shortwave nodes (docs/operations.md, "Varnish"; docs/adr/0010-varnish-in-front.md).
# For Debian's varnish (7.1) with the xkey module of varnish-modules:
#   apt-get install varnish varnish-modules
#   varnishd -a :80 -f /etc/varnish/shortwave.vcl -s malloc,1G
#
# Shortwave sends, with each public page: Cache-Control (public, max-age, s-maxage, stale-while-revalidate,
# stale-if-error) and Surrogate-Key (a<article> s<section> t<topic> e:<edition> top:<edition> feed sitemap api).
# Varnish keeps the page under those keys; after every change each node sends "PURGE /" with the changed keys in
# the header xkey-purge (shortwave.purge.url=http://varnish/), and exactly the pages showing them are dropped.

import directors;
import std;
import xkey;

# Ready means: started, migrated, following the change log; DOWN while starting and while shutting down.
# Sick after 3 failed probes of the last 5 (a node busy with a long GC is not dropped at once).
probe ready {
    .url = "/readyz";
    .interval = 2s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

# One backend per Shortwave node (same jar, same settings). Add a line in vcl_init for each.
backend node1 {
    .host = "127.0.0.1";
    .port = "8080";
    .probe = ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend node2 {
    .host = "127.0.0.1";
    .port = "8090";
    .probe = ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

# Who may purge: the nodes. Add the nodes' network, e.g. "192.0.2.0"/24.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    # Public pages: any healthy node.
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
    # The newsroom: its sessions live in one node's memory, so each client stays on one node (by address).
    new newsroom = directors.hash();
    newsroom.add_backend(node1, 1.0);
    newsroom.add_backend(node2, 1.0);
}

sub vcl_recv {
    # The purge hook: exact keys, never a ban or a flush. Only from the nodes.
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.sw-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.sw-purged));
    }

    # Shortwave logs this id with every line of the request (8 to 64 of A-Z a-z 0-9 . _ : -).
    if (req.restarts == 0 && req.http.X-Request-Id !~ "^[A-Za-z0-9._:-]{8,64}$") {
        set req.http.X-Request-Id = "varnish-" + req.xid;
    }
    unset req.http.sw-stale-ok;
    if (req.restarts == 0) {
        unset req.http.sw-refetch;
        unset req.http.sw-stale;
    }

    # Never cached, always to a node: the newsroom, its API and previews, health, the reading beacon.
    if (req.url ~ "^/(admin|api/admin)([/?]|$)" || req.url ~ "/preview([/?]|$)") {
        set req.backend_hint = newsroom.backend(client.ip);
        return (pass);
    }
    if (req.url ~ "^/(readyz|livez|actuator)([/?]|$)" || req.url ~ "^/api/beacon([/?]|$)") {
        set req.backend_hint = nodes.backend();
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        set req.backend_hint = nodes.backend();
        return (pass);
    }

    # A signed-in editor (Tomcat's session cookie) or an API token: what they see may be theirs only (restricted
    # media, previews), so it passes, to the node that holds the session.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*JSESSIONID=") {
        set req.backend_hint = newsroom.backend(client.ip);
        return (pass);
    }
    # Every other cookie (analytics, consent...) means nothing to Shortwave's public pages: dropped, so the page is
    # shared.
    unset req.http.Cookie;

    set req.backend_hint = nodes.backend();
    if (req.http.sw-refetch && !req.http.sw-stale) {
        # Too stale to serve while the nodes are up (see vcl_hit): fetch now.
        set req.grace = 0s;
    } else {
        # Each page's own grace: no cap (a restart keeps what the request had set).
        set req.grace = 3650d;
    }
    return (hash);
}

sub vcl_hit {
    # Fresh: serve.
    if (obj.ttl >= 0s) {
        return (deliver);
    }
    # Stale, but within the page's stale-while-revalidate: serve it at once, refresh in the background.
    if (obj.ttl + std.duration(obj.http.sw-swr, 0s) > 0s) {
        return (deliver);
    }
    # Older than that (kept for stale-if-error): only when no node is healthy, or the fetch just failed.
    if (req.http.sw-stale || !std.healthy(req.backend_hint)) {
        set req.http.sw-stale-ok = "1";
        return (deliver);
    }
    set req.http.sw-refetch = "1";
    return (restart);
}

sub vcl_backend_response {
    # A failed refresh keeps the stale page (stale-if-error): in the background, or in the foreground when the
    # page was too stale to serve (vcl_hit), where the client then gets the stale copy (vcl_synth).
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.sw-refetch)) {
        return (abandon);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Cache only what Shortwave marked public; a session, a cookie, private or no-store answer never.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(?i)\bpublic\b"
            || beresp.http.Cache-Control ~ "(?i)\b(private|no-store|no-cache)\b") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Keyed for purging by the surrogate keys.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Varnish reads s-maxage into the TTL and stale-while-revalidate into the grace. The grace is stretched to
    # stale-if-error (kept, served only when the nodes fail: vcl_hit) and the page's own window remembered.
    set beresp.http.sw-swr = beresp.grace + "s";
    if (beresp.http.Cache-Control ~ "(?i)stale-if-error=\d+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
                "(?i)^.*stale-if-error=(\d+).*$", "\1s"), beresp.grace);
    }
    return (deliver);
}

sub vcl_backend_error {
    # A node that went away between two probes: a reading request tries the next one once.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries == 0) {
        return (retry);
    }
}

sub vcl_deliver {
    # The page could not be fetched: serve the stale copy, if any (stale-if-error).
    if (resp.status >= 500 && req.http.sw-refetch && !req.http.sw-stale && req.restarts < 3) {
        set req.http.sw-stale = "1";
        return (restart);
    }
    # Internal headers stay here. Surrogate-Key too: a CDN in front of Varnish is purged by its own means
    # (docs/operations.md).
    unset resp.http.xkey;
    unset resp.http.sw-swr;
    unset resp.http.Surrogate-Key;
    # Varnish's own verdict; the node's page cache verdict was for Varnish.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } else if (req.http.sw-stale-ok) {
        set resp.http.X-Cache = "stale";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

sub vcl_synth {
    if (resp.status == 503 && req.http.sw-refetch && !req.http.sw-stale && req.restarts < 3) {
        set req.http.sw-stale = "1";
        return (restart);
    }
}
