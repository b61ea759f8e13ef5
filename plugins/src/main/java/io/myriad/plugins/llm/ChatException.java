package io.myriad.plugins.llm;

/**
 * A chat endpoint's answer could not be had: a status it refused with, a body that is not a chat completion, or an
 * answer that names no action. The decision takes the model's fallback; the message says what happened.
 */
public final class ChatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, and what to do about it when it is the user's to fix.
     */
    public ChatException(final String message)
    {
        super(message);
    }
}
