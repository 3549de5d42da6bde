namespace Monitor.Core;

/// <summary>A request that does not make sense (PROTOCOL.md 7: an unknown region, an as-of date before
/// the period's end, negative gap days, an empty store). The command line answers it with exit 2 and
/// this message on one line.</summary>
public sealed class InvalidRequestException(string message) : Exception(message);
