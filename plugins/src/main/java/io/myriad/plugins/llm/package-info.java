/**
 * A decider for OpenAI-compatible chat-completions endpoints (Ollama, llama.cpp's server, vLLM, OpenAI):
 * {@link io.myriad.plugins.llm.ChatDecider} asks the endpoint named by a {@link io.myriad.plugins.llm.ChatEndpoint}
 * (from settings or from {@code OPENAI_BASE_URL} and {@code OPENAI_API_KEY}) with the JDK's {@code HttpClient},
 * asks for a structured answer (a JSON schema) and reads what comes back tolerantly
 * ({@link io.myriad.plugins.llm.ChatAnswers}).
 */
package io.myriad.plugins.llm;
