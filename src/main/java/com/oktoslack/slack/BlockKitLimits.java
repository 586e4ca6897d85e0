package com.oktoslack.slack;

/**
 * Slack's Block Kit limits, in characters or counts, as Slack documents them. A payload over any of them is
 * refused whole ({@code invalid_blocks}), so every card and form keeps within these.
 */
public final class BlockKitLimits {

    /** Text of a section block, of a context element, and of a message's fallback text as we use it. */
    public static final int SECTION_TEXT = 3000;
    /** One field of a section block. */
    public static final int SECTION_FIELD = 2000;
    /** Fields in one section block. */
    public static final int SECTION_FIELDS = 10;
    /** Text of a header block. */
    public static final int HEADER_TEXT = 150;
    /** Title of a modal. */
    public static final int MODAL_TITLE = 24;
    /** Blocks in one message. */
    public static final int MESSAGE_BLOCKS = 50;
    /** Blocks in one modal or Home tab. */
    public static final int VIEW_BLOCKS = 100;
    /** Options in a select menu. */
    public static final int SELECT_OPTIONS = 100;
    /** Options in a checkbox group. */
    public static final int CHECKBOXES = 10;
    /** Text of one option. */
    public static final int OPTION_TEXT = 75;
    /** A plain-text input's value. */
    public static final int INPUT_VALUE = 3000;
    /** A button's value, and an action's value in general. */
    public static final int BUTTON_VALUE = 2000;
    /** A view's private_metadata. */
    public static final int PRIVATE_METADATA = 3000;
    /** Alt text of an image. */
    public static final int ALT_TEXT = 2000;

    private BlockKitLimits() {
    }
}
