package org.shortwave.accounts.web;

import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.accounts.AccountDisabled;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.platform.PublicUrl;
import org.shortwave.accounts.internal.LoginFailureRepository;
import org.shortwave.accounts.SignedOutPosts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two audiences, two filter chains. The newsroom ({@code /admin/**}): form sign-in, sessions (id changed at
 * sign-in), a CSRF token and our own Origin on every state-changing request, a sign-in throttle, no caching.
 * The public site (everything else): no sessions, no cookies, nothing personal, so that shared caches may keep its
 * pages; it has no state-changing forms for CSRF to protect. Media files read a newsroom session if there is one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The admin API ({@code /api/admin/**}): API tokens, no sessions. CSRF does not apply: a browser never sends a
     * bearer token by itself.
     */
    @Bean
    @Order(0)
    SecurityFilterChain adminApi(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions,
            PublicUrl publicUrl, Accounts accounts, ObjectProvider<SignedOutPosts> keepers) throws Exception {
        // Scripts get JSON answers (401, 403) instead of the sign-in redirect; an editor form posted with an ended
        // session is kept (ADR 0021); sign-in then leads back to it.
        RefusedRequests refused = new RefusedRequests(keepers.orderedStream().toList());
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/login", "/admin/setup", "/admin/session").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/admin/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) -> response.sendRedirect(
                                request.getContextPath() + refused.afterSignIn(request)))
                        .failureHandler(throttle))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(refused, new NewsroomJson())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/admin/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(refused))
                .logout(logout -> logout
                        .logoutUrl("/admin/logout")
                        .logoutSuccessUrl("/admin/login?signed-out"))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredUrl("/admin/login?expired"))
                .addFilterBefore(new SameOriginFilter(publicUrl), CsrfFilter.class)
                .addFilterAfter(new SessionAccountFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Media files ({@code /media/**}): open to all, but an existing newsroom session is read (never created), so
     * that signed-in users may also see the media of stories not yet public.
     */
    @Bean
    @Order(2)
    SecurityFilterChain media(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.securityMatcher("/media/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session
                        .sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .maximumSessions(-1)
                        .sessionRegistry(sessions))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.disable()); // SecurityHeadersFilter; pages set their own caching
        return http.build();
    }

    @Bean
    LoginThrottle loginThrottle(NewsroomChrome pages, LoginFailureRepository failures) {
        return new LoginThrottle(pages, failures);
    }

    /** The throttle runs inside the newsroom chain only, not as a filter of every request. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Ends every open session of a disabled account (on this node; see docs for several nodes). */
    @Bean
    DisabledAccountSessions disabledAccountSessions(SessionRegistry sessions) {
        return new DisabledAccountSessions(sessions);
    }

    record DisabledAccountSessions(SessionRegistry sessions) {
        @EventListener
        void on(AccountDisabled disabled) {
            for (Object principal : sessions.getAllPrincipals()) {
                if (principal instanceof UserDetails user && user.getUsername().equals(disabled.email())) {
                    sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
                }
            }
        }
    }
}
