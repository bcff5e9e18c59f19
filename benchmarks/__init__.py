"""On-demand performance suite: synthetic event files, load, server and browser benchmarks."""
