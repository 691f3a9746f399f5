/**
 * Lines the agents put in their system prompt. An LLM reads them as plain instructions; the
 * offline model reads the same lines to know which words are meant for its agent and which
 * medicines the patient takes, so both models see exactly the same input.
 */
export const FOCUS_MARKER = 'The part of the message for you: '
export const MEDICINES_MARKER = "The patient's medicines: "
export const RECENT_MARKER = "The patient's entries earlier in this conversation, oldest first (JSON): "
