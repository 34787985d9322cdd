import { Route, Routes } from 'react-router-dom';
import ScorecardPage from '../scoring/ScorecardPage.js';
import MyReviewsPage from './MyReviewsPage.js';

/** /my-reviews (the expert's invitations) and /my-reviews/:assignmentId (the scorecard of a seat). */
export default function MyReviewsRoutes() {
  return (
    <Routes>
      <Route index element={<MyReviewsPage />} />
      <Route path=":assignmentId" element={<ScorecardPage />} />
    </Routes>
  );
}
