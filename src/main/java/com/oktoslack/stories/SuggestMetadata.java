package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;

/**
 * The suggest modal's private metadata: the source message, the board when there is only one, and whether
 * the person may only save drafts (an advocate without an Oktopost user).
 */
record SuggestMetadata(String channelId, String messageTs, @Nullable String boardId, @Nullable String boardName,
                       boolean draftOnly) {
}
