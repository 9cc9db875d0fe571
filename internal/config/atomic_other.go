//go:build !unix

package config

import (
	"io/fs"
	"os"
)

const noCTTY = 0

func keepOwner(*os.File, fs.FileInfo) {}

func isNullDevice(fi fs.FileInfo) bool {
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(fi, null)
}
