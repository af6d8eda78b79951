package io.sipplatform.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** A test tone to send, and a Goertzel detector for it in what a phone heard. */
final class Tone {
    static final int RATE = 8000;

    private Tone() {
    }

    /** 16-bit mono 8 kHz PCM of a sine at {@code hz}, {@code seconds} long. */
    static Path write(Path file, int hz, int seconds) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(RATE * seconds * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < RATE * seconds; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * hz * i / RATE)));
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format,
                RATE * seconds)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /**
     * Seconds of audio in a heard WAV file in which {@code hz} carries most of the energy (20 ms frames whose
     * Goertzel power at hz is over half the frame's total power and not silence).
     */
    static double secondsOf(Path wav, int hz) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            byte[] bytes = in.readAllBytes();
            int frameBytes = f.getFrameSize();
            boolean big = f.isBigEndian();
            float rate = f.getSampleRate();
            int n = (int) (rate / 50); // 20 ms
            int samples = bytes.length / frameBytes;
            int toneFrames = 0;
            for (int start = 0; start + n <= samples; start += n) {
                double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
                double s1 = 0;
                double s2 = 0;
                double energy = 0;
                for (int i = 0; i < n; i++) {
                    int at = (start + i) * frameBytes;
                    int lo = bytes[at + (big ? 1 : 0)] & 0xff;
                    int hi = bytes[at + (big ? 0 : 1)];
                    double x = (short) ((hi << 8) | lo);
                    energy += x * x;
                    double s0 = x + coeff * s1 - s2;
                    s2 = s1;
                    s1 = s0;
                }
                double power = (s1 * s1 + s2 * s2 - coeff * s1 * s2) * 2 / n;
                if (energy / n > 1000 && power > energy * 0.5) {
                    toneFrames++;
                }
            }
            return toneFrames / 50.0;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + ": " + e.getMessage(), e);
        }
    }
}
