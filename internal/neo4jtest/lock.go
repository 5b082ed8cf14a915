package neo4jtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// serverLock is the file lock on one test Neo4j, shared by every test binary using that
// server and held by a binary while any of its tests holds it. The file also records the
// server's graph as the last reset or import left it.
type serverLock struct {
	mu      sync.Mutex
	holders int // tests of this binary holding the lock
	file    *os.File
}

// openLock opens the lock of the Neo4j at uri.
func openLock(uri string) (*serverLock, error) {
	sum := sha256.Sum256([]byte(uri))
	path := filepath.Join(os.TempDir(), "careergraph-neo4j-"+hex.EncodeToString(sum[:6])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("test lock: %w", err)
	}
	return &serverLock{file: f}, nil
}

// hold takes the lock for t unless a test of this binary holds it already (t's parent,
// or an earlier call in t), and releases it when the last holder ends. The first holder
// runs ready (a reset, an import) before anyone uses the graph; the lock is let go if it fails.
func (l *serverLock) hold(t testing.TB, name string, ready func() error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holders == 0 {
		if err := syscall.Flock(int(l.file.Fd()), syscall.LOCK_EX); err != nil {
			return fmt.Errorf("test lock: %w", err)
		}
		if err := ready(); err != nil {
			_ = syscall.Flock(int(l.file.Fd()), syscall.LOCK_UN)
			return err
		}
	}
	l.holders++
	took := time.Now()
	t.Cleanup(func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.holders--; l.holders == 0 {
			_ = syscall.Flock(int(l.file.Fd()), syscall.LOCK_UN)
			logHeld(name, time.Since(took))
		}
	})
	return nil
}

// recorded is what the lock file records ("" when it cannot be read).
func (l *serverLock) recorded() string {
	b, _ := io.ReadAll(io.NewSectionReader(l.file, 0, 1<<16))
	return string(b)
}

// record replaces what the lock file records.
func (l *serverLock) record(s string) error {
	err := l.file.Truncate(0)
	if err == nil {
		_, err = l.file.WriteAt([]byte(s), 0)
	}
	return err
}
