package com.oktoslack.home;

/** Action ids of the App Home's own buttons (the approval and story buttons are their features' own). */
final class HomeActions {

    static final String LINK = "home_link";
    static final String UNLINK = "home_unlink";
    /** Followed by a {@link com.oktoslack.people.DmMode} word: home_dm_each, home_dm_grouped, home_dm_off. */
    static final String DM_PREFIX = "home_dm_";
    static final String REMINDERS = "home_reminders";
    static final String PREVIOUS = "home_page_previous";
    static final String NEXT = "home_page_next";

    private HomeActions() {
    }
}
