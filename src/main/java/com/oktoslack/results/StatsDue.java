package com.oktoslack.results;

/** The data of a post's results job: which post. */
record StatsDue(String postId) {
}
