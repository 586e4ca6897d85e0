package com.oktoslack.stories;

import com.oktoslack.oktopost.Board;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.Walk;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads stories from Oktopost with as few calls as it can: one story by id, several through one list per
 * board (newest first), and only what a list did not hold by id after that.
 */
@Singleton
class StoryLookup {

    /** Stories per list call; the newest are first, and those are what webhooks announce. */
    static final int PAGE = 100;
    /** List calls a board may take when read to its end; a larger board is read in part. */
    static final int MAX_PAGES = 10;

    /** Stories of the boards read, and which boards were read to their end (so a story missing there is gone). */
    record Listing(Map<String, Story> stories, Set<String> boards, Set<String> completeBoards) {

        /** Whether a story of this board (any board when null) that is not among {@link #stories} is gone. */
        boolean readWhole(@Nullable String boardId) {
            return boardId == null ? completeBoards.containsAll(boards) : completeBoards.contains(boardId);
        }
    }

    private final Oktopost oktopost;

    StoryLookup(Oktopost oktopost) {
        this.oktopost = oktopost;
    }

    /** The stories Oktopost still has, by id; deleted ones are left out. */
    Map<String, Story> byRefs(Collection<StoryRef> refs) {
        Map<String, StoryRef> wanted = new LinkedHashMap<>();
        refs.forEach(ref -> wanted.putIfAbsent(ref.storyId(), ref));
        Map<String, Story> found = new LinkedHashMap<>();
        Set<String> boards = wanted.size() > 1 ? boardsToList(wanted.values()) : Set.of();
        if (boards.size() < wanted.size()) {
            for (String boardId : boards) {
                for (Story story : oktopost.stories(boardId, 0, PAGE).items()) {
                    if (wanted.containsKey(story.id())) {
                        found.put(story.id(), story);
                    }
                }
            }
        }
        for (String id : wanted.keySet()) {
            if (!found.containsKey(id)) {
                one(id).ifPresent(story -> found.put(id, story));
            }
        }
        return found;
    }

    /** Every story of these boards (all boards for a null id), a few list calls a board, never one per story. */
    Listing boards(Collection<String> boardIdsOrNull) {
        Set<String> boardIds = new LinkedHashSet<>();
        for (String boardId : boardIdsOrNull) {
            if (boardId == null) {
                oktopost.boards().forEach(board -> boardIds.add(board.id()));
            } else {
                boardIds.add(boardId);
            }
        }
        Map<String, Story> stories = new LinkedHashMap<>();
        Set<String> complete = new LinkedHashSet<>();
        for (String boardId : boardIds) {
            Walk<Story> read = oktopost.allStories(boardId, MAX_PAGES);
            read.items().forEach(story -> stories.put(story.id(), story));
            if (read.complete()) {
                complete.add(boardId);
            }
        }
        return new Listing(stories, boardIds, complete);
    }

    Optional<Story> one(String storyId) {
        try {
            return Optional.of(oktopost.story(storyId));
        } catch (OktopostException.NotFound gone) {
            return Optional.empty();
        }
    }

    /** Each board's stories that advocates can share now, newest first. */
    List<StoryCards.BoardStories> current(Instant now) {
        return oktopost.boards().stream()
                .filter(Board::isActive)
                .map(board -> new StoryCards.BoardStories(board.id(), board.name(), currentOn(board, now)))
                .toList();
    }

    Optional<String> boardName(String boardId) {
        return oktopost.boards().stream().filter(b -> b.id().equals(boardId)).map(Board::name).findFirst();
    }

    private List<Story> currentOn(Board board, Instant now) {
        return oktopost.stories(board.id(), 0, PAGE).items().stream()
                .filter(story -> story.isCurrent(now))
                .sorted(Comparator.comparing((Story s) -> s.publishAt() == null ? Instant.EPOCH : s.publishAt()).reversed())
                .toList();
    }

    /** The boards named by the events; every board when some event did not say. */
    private Set<String> boardsToList(Collection<StoryRef> refs) {
        Set<String> boards = new LinkedHashSet<>();
        for (StoryRef ref : refs) {
            if (ref.boardId() == null) {
                oktopost.boards().forEach(board -> boards.add(board.id()));
                return boards;
            }
            boards.add(ref.boardId());
        }
        return boards;
    }
}
