// Angular host (zoneless, AOT through @analogjs/vite-plugin-angular): CUSTOM_ELEMENTS_SCHEMA lets the template
// use crm-* tags, `[prop]` binds a property, `(crm-…)` listens.
import 'crm-lens';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { FEED, FIELDS, SEGMENT_RULES, STAGES } from '../../shared/scenario';

@Component({
  selector: 'host-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <button id="toggle-locale" (click)="locale.set(locale() === 'en' ? 'zh-CN' : 'en')">locale</button>
      <button id="toggle-measure" (click)="measure.set(measure() === 'revenue' ? 'orders' : 'revenue')">measure</button>
      <output id="picked">{{ picked() }}</output>
      <output id="parsed">{{ parsedIn() }}</output>
      <crm-data [src]="feed" [fields]="fields" (crm-data-load)="onLoad($event)">
        <crm-rfm-matrix [locale]="locale()" [segmentRules]="segmentRules" (crm-segment-select)="onSegment($event)"></crm-rfm-matrix>
        <crm-lifecycle-funnel [locale]="locale()" [stageDefinitions]="stages"></crm-lifecycle-funnel>
        <crm-regional-comparison [locale]="locale()" group-by="region"></crm-regional-comparison>
        <crm-channel-mix [locale]="locale()" [measure]="measure()"></crm-channel-mix>
        <crm-customer-360 [locale]="locale()"></crm-customer-360>
      </crm-data>
    </main>
  `,
})
class HostApp {
  readonly feed = FEED;
  readonly fields = FIELDS;
  readonly segmentRules = SEGMENT_RULES;
  readonly stages = STAGES;
  readonly locale = signal<'en' | 'zh-CN'>('en');
  readonly measure = signal<'revenue' | 'orders'>('revenue');
  readonly picked = signal(-1);
  readonly parsedIn = signal('');

  onLoad(event: Event): void {
    this.parsedIn.set((event as HTMLElementEventMap['crm-data-load']).detail.report?.parsedIn ?? '');
  }

  onSegment(event: Event): void {
    this.picked.set((event as HTMLElementEventMap['crm-segment-select']).detail.customerIds.length);
  }
}

bootstrapApplication(HostApp, { providers: [provideZonelessChangeDetection()] }).catch((e) => console.error(e));
