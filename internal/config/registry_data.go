package config

// settings is the registry: one row per key of cognito.yaml, in file order.
var settings = []Setting{}
