package config

// Recommended returns the ⭐ configuration: every recommended answer.
func Recommended() *Config { return &Config{Version: CurrentVersion} }
