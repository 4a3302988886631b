package io.rolecall.command;

/**
 * A change a mutating command made (or, in a dry run, would make): the state before and after, as
 * plain maps and lists so they render and journal without the SDK's types.
 */
public record Change(String resource, Object before, Object after, boolean applied) {}
