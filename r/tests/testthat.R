library(testthat)
library(rostrum)
test_check("rostrum")
