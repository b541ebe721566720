package org.shortwave.editorial;

/** What a newsroom user can do to an article. */
public enum Action {
    /** Read it in the newsroom (list, editor, preview). */
    VIEW,
    CREATE,
    EDIT,
    /** Send a draft to review. */
    SUBMIT,
    /** Send a story in review back to its writer. */
    REJECT,
    /** Take one's own story back from review, to go on writing it. */
    WITHDRAW,
    /** Publish now or at a later time, with or without an embargo. */
    PUBLISH,
    UNPUBLISH,
    /** Add a correction or update note to a published story. */
    ADD_NOTE
}
