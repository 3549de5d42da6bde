using Monitor.Cli;

HugePages.AdviseManagedHeap(Environment.GetEnvironmentVariable("MONITOR_HUGE_PAGES"));
return CommandRunner.Run(MonitorCli.CreateRoot(), args);
