package com.oktoslack.oktopost;

import io.micronaut.cache.annotation.CacheInvalidate;
import io.micronaut.cache.annotation.Cacheable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The lists that change rarely, cached for a few minutes (micronaut.caches.oktopost-*) so features can
 * ask for them on every request without spending the account's call budget.
 */
@Singleton
class OktopostLists {

    static final int PAGE = 100;
    static final int MAX_PAGES = 50;

    private final OktopostRequests requests;

    OktopostLists(OktopostRequests requests) {
        this.requests = requests;
    }

    @Cacheable("oktopost-workflows")
    public List<Workflow> workflows() {
        // This list is not paginated.
        return List.copyOf(requests.workflows().itemsOrEmpty());
    }

    @Cacheable("oktopost-users")
    public List<User> users() {
        return Pages.all(page -> requests.users(page, PAGE), PAGE, MAX_PAGES);
    }

    /** Valid profiles only: Oktopost leaves out invalid ones unless includeInvalid=1. */
    @Cacheable("oktopost-credentials")
    public List<Credential> credentials() {
        return Pages.all(page -> requests.credentials(page, PAGE), PAGE, MAX_PAGES).stream()
                .filter(Credential::isValid).toList();
    }

    @Cacheable("oktopost-campaigns")
    public List<Campaign> activeCampaigns() {
        return Pages.all(page -> requests.activeCampaigns(page, PAGE), PAGE, MAX_PAGES);
    }

    @Cacheable("oktopost-boards")
    public List<Board> boards() {
        return Pages.all(page -> requests.boards(page, PAGE), PAGE, MAX_PAGES);
    }

    @CacheInvalidate(cacheNames = {"oktopost-workflows", "oktopost-users", "oktopost-credentials",
            "oktopost-campaigns", "oktopost-boards"}, all = true)
    public void forgetAll() {
        // The annotation does the work.
    }
}
