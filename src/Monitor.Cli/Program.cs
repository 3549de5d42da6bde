using Monitor.Cli;
using Monitor.Store;

HugePages.AdviseManagedHeap(Environment.GetEnvironmentVariable("MONITOR_HUGE_PAGES"));
return CommandRunner.Run(MonitorCli.CreateRoot(), args);
