package com.paystatus.status.cache;

import org.springframework.context.ApplicationContext;

/** Lets tests in a shared context start without the page variants other tests left. */
public final class PageCacheReset {

    private PageCacheReset() {}

    public static void clear(ApplicationContext context) {
        context.getBeanProvider(PublicPageCache.class).ifAvailable(PublicPageCache::clearVariants);
    }
}
