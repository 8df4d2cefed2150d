// Test classes run one at a time: the crash test kills and restarts the app at random instants and should not share
// the two cores with another class's app.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
