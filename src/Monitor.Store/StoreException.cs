namespace Monitor.Store;

/// <summary>The store could not be opened, migrated or written. The message names the path and the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
